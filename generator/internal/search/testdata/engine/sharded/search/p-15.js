joinedupSearch.add("p-15",{"say":[1,34],"school":[10,27],"social":[4,53,6,31],"someon":[11,46],"spoke":[10,27],"stay":[2,29],"stori":[10,75],"support":[15,10,4,10,4,10]});
