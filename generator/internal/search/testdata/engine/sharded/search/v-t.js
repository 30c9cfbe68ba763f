joinedupSearch.add("v-t",{"talk":[1,16],"task":[1,16],"team":[1,16],"therapist":[2,16],"togeth":[1,16]});
