joinedupSearch.add("p-16",{"talk":[6,30],"task":[8,30],"team":[9,65],"therapist":[2,51,6,52],"togeth":[9,30]});
